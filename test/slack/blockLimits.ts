import { LIMITS } from '../../src/channels/slack/blockKit.js';

/** Every Block Kit limit a payload breaks, as readable strings (empty when it is within limits). */
export function blockKitViolations(payload: { text?: string; blocks: any[] }, maxBlocks: number = LIMITS.blocksPerMessage): string[] {
  const out: string[] = [];
  if (payload.text !== undefined && !payload.text.trim()) out.push('empty text fallback');
  if (payload.blocks.length > maxBlocks) out.push(`${payload.blocks.length} blocks`);
  const ids = payload.blocks.map((b) => b.block_id).filter(Boolean);
  if (new Set(ids).size !== ids.length) out.push('duplicate block_id');
  const checkButton = (e: any) => {
    if (e.text.text.length > LIMITS.buttonText || !e.text.text) out.push(`button label ${e.text.text.length}`);
    if (e.value.length > LIMITS.buttonValue) out.push('button value');
    if (e.action_id.length > LIMITS.actionId) out.push('action_id');
  };
  for (const b of payload.blocks) {
    if (b.block_id && b.block_id.length > LIMITS.blockId) out.push('block_id');
    if (b.type === 'section') {
      if (!b.text.text || b.text.text.length > LIMITS.sectionText) out.push(`section text ${b.text.text.length}`);
      if (b.accessory) checkButton(b.accessory);
    }
    if (b.type === 'header' && b.text.text.length > LIMITS.headerText) out.push('header');
    if (b.type === 'context') {
      if (b.elements.length > LIMITS.contextElements) out.push('context elements');
      for (const e of b.elements) if (e.text.length > LIMITS.contextText) out.push('context text');
    }
    if (b.type === 'actions') {
      if (b.elements.length > LIMITS.actionsElements || !b.elements.length) out.push('actions elements');
      const aids = b.elements.map((e: any) => e.action_id);
      if (new Set(aids).size !== aids.length) out.push('duplicate action_id in block');
      b.elements.forEach(checkButton);
    }
  }
  return out;
}
