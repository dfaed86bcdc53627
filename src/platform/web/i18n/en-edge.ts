// English for what the edge of the app refuses before any page sees it (decisions 50 and 52).

export const enEdge = {
  "error.input.title": "Sorry, something you entered cannot be used",
  "error.input.body":
    "It contains a character that cannot be typed, such as one copied from another program along with the text. Go back, type it again and try again.",
  "error.crossSite.title": "This form was sent from another website",
  "error.crossSite.body":
    "Nothing was changed. Tandem only accepts forms sent from its own pages. Go to Tandem, open the page again and send the form from there.",
};
