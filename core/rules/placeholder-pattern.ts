/** Template placeholders look like `{{Practice name}}`. */
export const PLACEHOLDER = /\{\{[^{}\n]*\}\}/;
export const PLACEHOLDER_GLOBAL = /\{\{[^{}\n]*\}\}/g;
