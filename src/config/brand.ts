/**
 * The one brand colour: the Slack manifest's background_color, the Teams manifest's accentColor
 * and icon, and the web page's header and buttons all use it (test/ops/brand.test.ts checks).
 * White text on it has a contrast of 6:1.
 */
export const BRAND_COLOUR = '#0F6E78';
