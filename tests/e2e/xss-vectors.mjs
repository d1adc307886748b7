// @ts-check
//! A corpus of XSS vectors for tests/e2e/security.test.mjs. Each is one line; `N` stands for its number
//! (see `vectors()`), so a vector that ever runs calls `__xss(N)` (or alerts N) and the test knows which.
//! Sources: the usual filter-evasion lists (script, handlers, URLs, SVG, srcdoc, meta refresh, base,
//! CSS, template/noscript, broken nesting, entities, mixed case, Markdown links, unicode escapes, NUL).

const NUL = '\u0000';

/** The vectors with `N` not yet replaced. */
const TEMPLATES = [
  // script tags
  '<script>__xss(N)</script>',
  '<SCRIPT>__xss(N)</SCRIPT>',
  '<ScRiPt>__xss(N)</sCrIpT>',
  '<script src="data:text/javascript,__xss(N)"></script>',
  '<script type="module">__xss(N)</script>',
  '<script>alert(N)</script>',
  '<scr<script>ipt>__xss(N)</scr</script>ipt>',
  '"><script>__xss(N)</script>',
  "'><script>__xss(N)</script><'",
  '</textarea><script>__xss(N)</script>',
  '</title></style></noscript><script>__xss(N)</script>',
  // event handlers
  '<img src=x onerror="__xss(N)">',
  '<IMG SRC=x OnErRoR=__xss(N)>',
  '<img src=x onerror=__xss(N)//',
  '<img/src=x/onerror=__xss(N)>',
  '<img src="x" onerror="&#95;&#95;xss(N)">',
  '<img src=x onerror="\\u005f\\u005fxss(N)">',
  '<svg onload="__xss(N)">',
  '<svg/onload=__xss(N)>',
  '<body onload="__xss(N)">',
  '<details open ontoggle="__xss(N)">x</details>',
  '<video><source onerror="__xss(N)"></video>',
  '<video src=x onerror=__xss(N)></video>',
  '<audio src=x onerror=__xss(N)>',
  '<input autofocus onfocus="__xss(N)">',
  '<div onmouseover="__xss(N)" style="position:fixed;inset:0">hover</div>',
  '<marquee onstart="__xss(N)">m</marquee>',
  '<object data="javascript:__xss(N)"></object>',
  '<embed src="javascript:__xss(N)">',
  // javascript:, data:, vbscript: URLs
  '<a href="javascript:__xss(N)">link</a>',
  '<a href="JaVaScRiPt:__xss(N)">link</a>',
  '<a href="jav&#x09;ascript:__xss(N)">link</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;__xss(N)">link</a>',
  '<a href="data:text/html,<script>__xss(N)</script>">data</a>',
  '<a href="vbscript:msgbox(N)">vb</a>',
  '<form action="javascript:__xss(N)"><button>go</button></form>',
  '<button formaction="javascript:__xss(N)">go</button>',
  // SVG
  '<svg><script>__xss(N)</script></svg>',
  '<svg><animate onbegin="__xss(N)" attributeName="x" dur="1s"/></svg>',
  '<svg><set attributeName="onload" to="__xss(N)"/></svg>',
  '<svg><foreignObject><img src=x onerror="__xss(N)"></foreignObject></svg>',
  '<svg><a xlink:href="javascript:__xss(N)"><text x="9" y="9">t</text></a></svg>',
  '<math><mtext><img src=x onerror="__xss(N)"></mtext></math>',
  // iframes, meta, base, link, style
  '<iframe src="javascript:__xss(N)"></iframe>',
  '<iframe srcdoc="<script>parent.__xss(N)</script>"></iframe>',
  '<iframe srcdoc="&lt;img src=x onerror=parent.__xss(N)&gt;"></iframe>',
  '<meta http-equiv="refresh" content="0;url=javascript:__xss(N)">',
  '<base href="javascript:__xss(N)//">',
  '<link rel="stylesheet" href="http://198.51.100.1/N.css">',
  '<style>@import "http://198.51.100.1/N.css";</style>',
  '<div style="width: expression(__xss(N))">css</div>',
  '<div style="background:url(javascript:__xss(N))">css</div>',
  // template / noscript / comments / broken and nested markup
  '<template><img src=x onerror="__xss(N)"></template>',
  '<noscript><p title="</noscript><img src=x onerror=__xss(N)>">',
  '<!--<img src="--><img src=x onerror=__xss(N)//">',
  '<![CDATA[><img src=x onerror=__xss(N)>]]>',
  '<img src="x` `<script>__xss(N)</script>"` `>',
  '<<img src=x onerror=__xss(N)>>',
  '<b><i><img src=x onerror=__xss(N)></b></i>',
  '<p <img src=x onerror=__xss(N)>',
  '<plaintext><img src=x onerror=__xss(N)>',
  '<xmp><img src=x onerror=__xss(N)></xmp>',
  '<select><template><img src=x onerror=__xss(N)></template></select>',
  // entity-encoded
  '&lt;script&gt;__xss(N)&lt;/script&gt;',
  '&#60;img src=x onerror=__xss(N)&#62;',
  '&#x3C;svg onload=__xss(N)&#x3E;',
  // Markdown
  '[click](javascript:__xss(N))',
  '[click](JAVASCRIPT:__xss(N))',
  '![img](x" onerror="__xss(N))',
  '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) N',
  '<javascript:__xss(N)>',
  // unicode escapes and NUL bytes
  '\\u003cscript\\u003e__xss(N)\\u003c/script\\u003e',
  '\uFF1Cscript\uFF1E__xss(N)\uFF1C/script\uFF1E',
  `<scr${NUL}ipt>__xss(N)</scr${NUL}ipt>`,
  `<img src=x on${NUL}error=__xss(N)>`,
  `<a href="java${NUL}script:__xss(N)">nul</a>`,
  // template-literal and DOM-clobbering oddities
  '${__xss(N)}',
  '{{constructor.constructor("__xss(N)")()}}',
  '<form id="editor-input"><input name="value" value="N"></form>',
  '<img name="getElementById" src=x onerror=__xss(N)>',
];

/** Every vector with its number in place of `N` (numbers start at 1). */
export function vectors() {
  return TEMPLATES.map((template, index) => template.replace(/\bN\b/g, String(index + 1)));
}
