import type { Page } from '@playwright/test';

/**
 * Controls whose words do not fit: a button, select, badge, header or name cut by its own
 * box (`scrollWidth > clientWidth`) or broken over two lines, or a text field whose
 * placeholder is wider than the field. Each is described by its role, its text and the two widths, so a failure says what
 * to fix. Row subjects are left out: a long subject is meant to end in "…".
 */
export function clippedControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const SELECTOR = [
      'button',
      'select',
      'label',
      'h1',
      'h2',
      'h3',
      '.badge',
      '[class*="badge"]',
      '[role="columnheader"]',
      '[role="gridcell"].cell-assignee',
      '[role="gridcell"].cell-requester',
      '.nav-item',
      // The bar itself: a control pushed past its right edge is cut too.
      '.top-bar',
    ].join(',');
    const shown = (el: Element) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const describe = (
      el: Element,
      scroll: number | string,
      client: number | string,
      text = el.textContent ?? '',
    ) =>
      `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${text.trim().slice(0, 60)}" (${scroll} > ${client})`;
    // One-line controls whose own text runs over two lines (a label may wrap, these may not).
    const ONE_LINE = 'button, .badge, [class*="badge"], [role="columnheader"], .nav-item';
    const lines = (el: Element) => {
      const rects: DOMRect[] = [];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent?.trim() || node.parentElement?.closest('.visually-hidden')) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        rects.push(...[...range.getClientRects()].filter((rect) => rect.width > 1));
      }
      // A line below another starts where the other ends; words on one line overlap vertically.
      const below = rects.filter((r) => rects.some((above) => r.top >= above.bottom - 2));
      return below.length > 0 ? 2 : 1;
    };
    const found: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(SELECTOR)) {
      if (!shown(el) || el.closest('.visually-hidden')) continue;
      // A select's scrollWidth does not grow with its chosen option: measure the option.
      if (el instanceof HTMLSelectElement) {
        const text = el.selectedOptions[0]?.textContent ?? '';
        const needed = measure(text, el) + padding(el) + 16; // the arrow, drawn beside the padding
        if (needed > el.clientWidth + 1) found.push(describe(el, Math.ceil(needed), el.clientWidth, text));
        continue;
      }
      if (el.matches('.top-bar')) {
        const edge = el.getBoundingClientRect().right;
        const out = [...el.querySelectorAll('*')].find(
          (child) => child.getBoundingClientRect().right > edge + 1,
        );
        if (out) found.push(describe(out, Math.round(out.getBoundingClientRect().right), Math.round(edge)));
        continue;
      }
      if (el.scrollWidth > el.clientWidth + 1) found.push(describe(el, el.scrollWidth, el.clientWidth));
      else if (el.matches(ONE_LINE) && lines(el) > 1)
        found.push(describe(el, `${lines(el)} lines`, '1 line'));
    }
    for (const input of document.querySelectorAll<HTMLInputElement>('input[placeholder]')) {
      if (!shown(input) || input.value) continue;
      // A few pixels for the caret and the field's inner edge, and in a search field the
      // room Chromium keeps for its clear button.
      const needed =
        measure(input.placeholder, input) + padding(input) + 4 + (input.type === 'search' ? 20 : 0);
      if (needed > input.clientWidth + 1)
        found.push(`input "${input.placeholder}" (${Math.ceil(needed)} > ${input.clientWidth})`);
    }
    return [...new Set(found)];

    function measure(text: string, el: Element): number {
      const context = document.createElement('canvas').getContext('2d');
      if (!context) return 0;
      const style = getComputedStyle(el);
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      return context.measureText(text).width;
    }
    function padding(el: Element): number {
      const style = getComputedStyle(el);
      return parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
    }
  });
}
