import type { RecordFrame } from "../../../platform/http/record-page";
import type { Translator } from "../../../platform/web/i18n";

// What the return-to-work pages share.

export type { RecordFrame };

export const returnToWorkBase = (participantId: string) => `/participants/${participantId}/return-to-work`;

/** A calendar date as people read it ("2 March 2026"). */
export const day = (t: Translator, date: string) => t.formatDate(new Date(`${date}T12:00:00Z`), "long");
