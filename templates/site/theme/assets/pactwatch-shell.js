{#- Rendered once per build (theme.static_templates) and loaded, cached, by every detail.html page from its header,
    what main.html repeats in every page and only the theme's script uses (search needs JavaScript anyway):
    - the search box, element for element main.html's, put where the script is;
    - the theme's configuration (#__config: features, search wording, the search worker), its addresses made
      from this script's own (pages of any folder, and opened from disk);
    - the drawer's list of sections (the navigation on narrow screens), made from the tabs before the theme's
      script starts (on DOMContentLoaded, whose listeners run in the order they were added). Without
      JavaScript the drawer's title still links to the dashboard. -#}
{% import "partials/language.html" as lang with context %}
{% from "pactwatch-icons.html" import icon %}
{% set features = config.theme.features or [] %}
{% set search %}
{% if "material/search" in config.plugins and (config.plugins["material/search"] | attr("config")).enabled %}
<label class="md-header__button md-icon" for="__search">{{ icon("search") }}</label>
<div class="md-search" data-md-component="search" role="dialog">
<label class="md-search__overlay" for="__search"></label>
<div class="md-search__inner" role="search">
<form class="md-search__form" name="search">
<input type="text" class="md-search__input" name="query" aria-label="{{ lang.t('search.placeholder') }}" placeholder="{{ lang.t('search.placeholder') }}" autocapitalize="off" autocorrect="off" autocomplete="off" spellcheck="false" data-md-component="search-query" required>
<label class="md-search__icon md-icon" for="__search">{{ icon("search") }}{{ icon("previous") }}</label>
<nav class="md-search__options" aria-label="{{ lang.t('search') }}">
<button type="reset" class="md-search__icon md-icon" title="{{ lang.t('search.reset') }}" aria-label="{{ lang.t('search.reset') }}" tabindex="-1">{{ icon("close") }}</button>
</nav>
{% if "search.suggest" in features %}<div class="md-search__suggest" data-md-component="search-suggest"></div>{% endif %}
</form>
<div class="md-search__output">
<div class="md-search__scrollwrap" tabindex="0" data-md-scrollfix>
<div class="md-search-result" data-md-component="search-result">
<div class="md-search-result__meta">{{ lang.t("search.result.initializer") }}</div>
<ol class="md-search-result__list" role="presentation"></ol>
</div>
</div>
</div>
</div>
</div>
{% endif %}
{% endset %}
{% set translations = {} %}
{% for key in ("clipboard.copy", "clipboard.copied", "search.result.placeholder", "search.result.none", "search.result.one", "search.result.other", "search.result.more.one", "search.result.more.other", "search.result.term.missing", "select.version") %}{% set _ = translations.update({key: lang.t(key)}) %}{% endfor %}
{#- main.html's #__config (base.html's block config); the worker's name is the theme's, checked by tests/site/test_contract_size.py -#}
{% set mike = config.plugins.mike %}
{% set version = config.extra.version if config.extra.version and (not mike or mike.config.version_selector) else none %}
{% set settings = {"base": "..", "features": features, "translations": translations, "search": "javascripts/workers/search.a7633da7.min.js", "annotate": config.extra.annotate or none, "tags": config.extra.tags or none, "version": version} %}
(function () {
  var me = document.currentScript, c = {{ settings | tojson }}, e = document.createElement("script");
  c.base = new URL(c.base, me.src).href;
  c.search = new URL(c.search, me.src).href;
  e.id = "__config"; e.type = "application/json"; e.textContent = JSON.stringify(c);
  document.body.appendChild(e);
  me.insertAdjacentHTML("beforebegin", {{ search | trim | tojson }});
  document.addEventListener("DOMContentLoaded", function () {
    var list = document.querySelector(".md-nav--primary > .md-nav__list[data-pw-tabs]");
    if (!list) return;
    document.querySelectorAll(".md-tabs__link").forEach(function (tab) {
      var li = document.createElement("li"), a = document.createElement("a"), span = document.createElement("span");
      li.className = "md-nav__item"; a.className = "md-nav__link"; span.className = "md-ellipsis";
      a.setAttribute("href", tab.getAttribute("href")); span.textContent = tab.textContent.trim();
      a.appendChild(span); li.appendChild(a); list.appendChild(li);
    });
  }, { once: true });
})();
