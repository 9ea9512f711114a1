// @ts-check
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/** Attributes whose value a reader sees or a screen reader speaks. */
const readerAttributes = "/^(aria-label|aria-description|aria-roledescription|aria-valuetext|aria-placeholder|title|alt|placeholder|label)$/";
/** Props of the site's components that are rendered as text. */
const componentTextProps = "/^(desc|caption|legend|hint|heading|description|children)$/";
/** Keys of Next's Metadata (and of data objects) whose values are read: title, description and their variants. */
const metadataKeys = "/^(title|description|default|template|absolute|siteName)$/";

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", "dist/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "public/assets/**"] },
  {
    rules: {
      // Pages ship no client router (docs/decisions), so a link is an ordinary <a> and a page load.
      "@next/next/no-html-link-for-pages": "off",
      // Underscore-prefixed names are deliberately unused (e.g. a field split off an object).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The browser modules: one function per job (finding the page's slots, reading answers, showing a result…), so a
    // reader sees what each part does; an event handler that grows past a screen is split the same way.
    files: ["components/**/enhance-*.ts"],
    rules: { "max-lines-per-function": ["error", { max: 60, skipBlankLines: true, skipComments: true }] },
  },
  {
    // The server entry is not a Next.js page: its request-time renderer writes the whole document, <head> included.
    files: ["server/**/*.{ts,tsx}"],
    rules: { "@next/next/no-head-element": "off" },
  },
  {
    // Every word a reader sees or hears comes from the locale's dictionary (lib/i18n), so a translation never
    // touches a component. Flags text in JSX and literal strings in the attributes that are read out or shown.
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "server/**/*.tsx", "mdx-components.tsx"],
    rules: {
      "react/jsx-no-literals": [
        "error",
        {
          noStrings: true,
          // Attributes are checked below, by name: classNames, hrefs, ids, types and SVG geometry are not words.
          ignoreProps: true,
          // Punctuation around dictionary strings and config values (citations "[1]", "Publisher (2024).", a list's
          // "·"), and the aria-hidden breadcrumb and menu marks "›" and "▾". Nothing here is a word.
          allowedStrings: ["·", ":", ",", ".", "(", ")", ").", "[", "]", "›", "▾"],
        },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: `JSXAttribute[name.name=${readerAttributes}] Literal[value=/[A-Za-z]/]`,
          message: "Reader-visible attribute text comes from the dictionary: strings(locale) in lib/i18n.",
        },
        {
          selector: `JSXAttribute[name.name=${readerAttributes}] TemplateElement[value.raw=/[A-Za-z]/]`,
          message: "Reader-visible attribute text comes from the dictionary: strings(locale) in lib/i18n.",
        },
        {
          // String props of the site's own components that end up as text (DiagramFigure's caption, a field's hint…);
          // title and label are caught on every element by the first selector.
          selector: `JSXOpeningElement[name.name=/^[A-Z]/] > JSXAttribute[name.name=${componentTextProps}] Literal[value=/[A-Za-z]/]`,
          message: "Text passed to a component comes from the dictionary: strings(locale) in lib/i18n.",
        },
        {
          // A literal chosen inside JSX ({ok ? "Yes" : "No"}, {x || "None"}) is text as much as a JSX text node.
          selector: "JSXElement > JSXExpressionContainer > :matches(ConditionalExpression, LogicalExpression) > Literal[value=/[A-Za-z]/]",
          message: "Text in JSX comes from the dictionary: strings(locale) in lib/i18n.",
        },
        {
          // Page metadata (titles and descriptions show in search results and browser tabs), and any other object in
          // these files that keeps reader text under such a key (a diagram's steps, a list of links).
          selector: `Property[key.name=${metadataKeys}] > :matches(Literal[value=/[A-Za-z]/], TemplateLiteral)`,
          message: "Metadata text comes from the dictionary: strings(locale) in lib/i18n.",
        },
      ],
    },
  },
];

export default config;
