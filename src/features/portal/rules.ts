import { addCalendarDays } from "../../platform/clock";
import type { ActionStatus } from "../plans/schema";

export type OwnAction = {
  id: string;
  description: string;
  dueDate: string;
  status: ActionStatus;
  version: number;
};

/** "Anything due" on the home page looks a fortnight ahead: far enough to plan, near enough to act. */
export const DUE_SOON_DAYS = 14;

/** The person's open actions due within the fortnight, overdue ones included, earliest first. */
export function actionsDueSoon<Action extends OwnAction>(
  actions: readonly Action[],
  today: string,
): Action[] {
  const horizon = addCalendarDays(today, DUE_SOON_DAYS);
  return actions
    .filter(
      (action) => (action.status === "to_do" || action.status === "in_progress") && action.dueDate <= horizon,
    )
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
}
