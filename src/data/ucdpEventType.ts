import type { EventType } from '../types';

/** An ACLED event type and the sub-type label that records which UCDP category it came from. */
export interface UcdpEventType {
  eventType: EventType;
  subEventType: string;
}

/**
 * Maps UCDP's `type_of_violence` onto the ACLED typology the map colours by.
 *
 * - 1 state-based conflict → **Battles** ("State-based armed conflict"): fighting in which one side
 *   is a government, which ACLED codes as armed clashes, attacks or ambushes between armed groups.
 * - 2 non-state conflict → **Battles** ("Non-state conflict"): fighting between organised armed groups,
 *   none of them a state; ACLED also calls that Battles.
 * - 3 one-sided violence → **Violence against civilians** ("One-sided violence"): an organised group
 *   or government killing unarmed civilians, ACLED's definition of that type.
 *
 * Limits: UCDP records only deadly organised violence, so nothing lands in Protests, Riots or
 * Strategic developments. It does not say how force was used, so air strikes, shelling and IEDs
 * that ACLED would file under Explosions/Remote violence appear here as Battles or Violence against
 * civilians. The sub-type keeps the UCDP category in words, so a popup never pretends to ACLED's
 * finer sub-types (Armed clash, Attack, Air/drone strike…).
 *
 * Returns null for any other code; the parser rejects such a row.
 */
export function ucdpEventType(typeOfViolence: number): UcdpEventType | null {
  switch (typeOfViolence) {
    case 1:
      return { eventType: 'Battles', subEventType: 'State-based armed conflict' };
    case 2:
      return { eventType: 'Battles', subEventType: 'Non-state conflict' };
    case 3:
      return { eventType: 'Violence against civilians', subEventType: 'One-sided violence' };
    default:
      return null;
  }
}
