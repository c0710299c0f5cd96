import type { ComposedView } from '../../interaction/composeView.js';
import { renderSlack } from './renderSlack.js';

/**
 * A consult message ready for the Web API: `blocks` is the JSON text the client would make of the
 * block array (it sends strings as they are), so a memoised message costs neither a render nor a
 * serialisation. Only for chat.postMessage and chat.update, not for response_url (which wants JSON).
 */
export interface WireMessage { text: string; blocks: string }

/** Stands in for the consult id while a template is rendered; no content text can contain it. */
const PLACEHOLDER = '@@consult-id@@';
const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Rendered Slack messages memoised by view: composeView hands out one frozen object per flow
 * version, state, answers, step and capabilities (for a consult without follow-up state), so a
 * view object identifies its payload.
 * The renderers stay pure; this only remembers their answer for a placeholder consult id and puts
 * the real id in. Entries go when their view leaves composeView's memo (WeakMap).
 */
export class SlackMessageMemo {
  private readonly templates = new WeakMap<ComposedView, { text: string; parts: string[] }>();

  /** The message for `view` of consult `consultId`. */
  render(view: ComposedView, consultId: string): WireMessage {
    // Ids are UUIDs; anything that would need escaping inside the JSON is rendered the plain way.
    if (!SAFE_ID.test(consultId)) {
      const m = renderSlack(view, consultId);
      return { text: m.text, blocks: JSON.stringify(m.blocks) };
    }
    let t = this.templates.get(view);
    if (!t) {
      const m = renderSlack(view, PLACEHOLDER);
      t = { text: m.text, parts: JSON.stringify(m.blocks).split(PLACEHOLDER) };
      // Only a frozen (memoised) view can never change under its key.
      if (Object.isFrozen(view)) this.templates.set(view, t);
    }
    return { text: t.text, blocks: t.parts.join(consultId) };
  }
}
