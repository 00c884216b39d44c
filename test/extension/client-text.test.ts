// What the client shows in words: the status bar and the preview's placeholder highlighting.
import { describe, expect, it } from 'vitest';
import { statusText } from '../../extension/client/status-text.js';
import { highlightPlaceholders, previewHtml } from '../../extension/client/preview-html.js';

describe('status bar text', () => {
  it('gives progress, problems and the review date', () => {
    expect(
      statusText({
        uri: 'u',
        isPlan: true,
        errors: 3,
        warnings: 2,
        reviewInDays: 190,
        sectionsComplete: 17,
        sectionsTotal: 24,
      }),
    ).toBe('17/24 sections, 3 errors, review due in 190 days');
    expect(
      statusText({
        uri: 'u',
        isPlan: true,
        errors: 0,
        warnings: 1,
        reviewInDays: -4,
        sectionsComplete: 24,
        sectionsTotal: 24,
      }),
    ).toBe('24/24 sections, 1 warning, review overdue by 4 days');
    expect(statusText({ uri: 'u', isPlan: true, errors: 0, warnings: 0 })).toBe('no problems');
  });
});

describe('preview', () => {
  it('highlights placeholders in text, never inside tags', () => {
    const r = highlightPlaceholders('<p title="{{x}}">Ring {{provider}} on {{phone}}</p>');
    expect(r).toEqual({
      html: '<p title="{{x}}">Ring <mark class="continuity-placeholder">{{provider}}</mark> on <mark class="continuity-placeholder">{{phone}}</mark></p>',
      count: 2,
    });
  });

  it('adds a banner counting them, and escapes a refusal message', () => {
    const html = previewHtml({ ok: true, html: '<html><head></head><body class="x"><p>{{a}}</p></body></html>' });
    expect(html).toContain(
      '<body class="x"><div class="continuity-preview-banner">1 placeholder ({{...}}) still to fill in',
    );
    expect(previewHtml({ ok: false, message: 'No <plan>' })).toBe('<p>No &lt;plan&gt;</p>');
  });
});
