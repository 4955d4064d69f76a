{#- Rendered once per build (theme.static_templates) and loaded, cached, by every detail.html page as the first thing
    in its <body> (where base.html has the header): the header and footer, which hold nothing of the page's but its
    title, and what base.html repeats in every page and only JavaScript uses, or what without JavaScript is hidden
    or empty, element for element base.html's:
    - now, in this order: the theme's storage helpers (its own script, the scope made from this script's address:
      pages of any folder, and opened from disk); the drawer and search toggles, the overlay and the header in
      this script's place (the header before the theme's script binds it): the logo and home links made relative
      to the page from this script's address, the menu button, the page's title from <title> (as text: titles
      come from pull requests), the palette's form, the search box; the theme's palette script; the theme's
      configuration (#__config: features, search wording, the search worker) and the dialog;
    - on DOMContentLoaded, before the theme's script binds the rest (listeners run in the order they were
      added): the components' names (data-md-component) of the container, tabs, main and content, the tabs into the header (navigation.tabs.sticky), the drawer (the navigation on narrow screens;
      its list made from the tabs) unless the page has one (a navigation with sections), the back-to-top button,
      the footer, and the content tabs' script. -#}
{% import "partials/language.html" as lang with context %}
{% from "pactwatch-icons.html" import icon, logo with context %}
{% set features = config.theme.features or [] %}
{% set files = config.extra.pactwatch_theme %}
{% macro unscripted(name) %}{% filter replace("<script>", "") | replace("</script>", "") %}{% include "partials/javascripts/" ~ name ~ ".html" %}{% endfilter %}{% endmacro %}
{% set toggles %}
<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">
<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">
<label class="md-overlay" for="__drawer"></label>
{% endset %}
{% set palette %}
{% if config.theme.palette and config.theme.palette is not mapping %}
<form class="md-header__option" data-md-component="palette">
{% for option in config.theme.palette %}
<input class="md-option" data-md-color-media="{{ option.media }}" data-md-color-scheme="{{ option.scheme | d('default', true) | replace(' ', '-') }}" data-md-color-primary="{{ option.primary | d('indigo', true) | replace(' ', '-') }}" data-md-color-accent="{{ option.accent | d('indigo', true) | replace(' ', '-') }}" {% if option.toggle %}aria-label="{{ option.toggle.name }}"{% else %}aria-hidden="true"{% endif %} type="radio" name="__palette" id="__palette_{{ loop.index0 }}">
{% if option.toggle %}<label class="md-header__button md-icon" title="{{ option.toggle.name }}" for="__palette_{{ loop.index % loop.length }}" hidden>{{ icon("palette-" ~ loop.index0) }}</label>{% endif %}
{% endfor %}
</form>
{% endif %}
{% endset %}
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
{% set dialog %}<div class="md-dialog" data-md-component="dialog"><div class="md-dialog__inner md-typeset"></div></div>{% endset %}
{#- ROOT stands for the way from the page to the site's root (the script replaces it): links as base.html's, relative -#}
{% set ROOT = "\ue001" %}
{% set home = config.extra.homepage | d(nav.homepage.url if nav.homepage else "", true) %}
{% set header %}
<header class="md-header{% if 'navigation.tabs.sticky' in features %} md-header--shadow md-header--lifted{% elif 'navigation.tabs' not in features %} md-header--shadow{% endif %}" data-md-component="header"><nav class="md-header__inner md-grid" aria-label="{{ lang.t('header') }}">
<a href="{% if not (home.startswith('/') or ':' in home) %}{{ ROOT }}{% endif %}{{ home }}" title="{{ config.site_name | e }}" class="md-header__button md-logo" aria-label="{{ config.site_name }}" data-md-component="logo">{{ logo(config, ROOT) }}</a>
<label class="md-header__button md-icon" for="__drawer">{{ icon("menu") }}</label>
<div class="md-header__title" data-md-component="header-title"><div class="md-header__ellipsis"><div class="md-header__topic"><span class="md-ellipsis">{{ config.site_name }}</span></div><div class="md-header__topic" data-md-component="header-topic"><span class="md-ellipsis"></span></div></div></div>
{{ palette }}
{{ search }}
{% if config.repo_url %}<div class="md-header__source">{% include "partials/source.html" %}</div>{% endif %}
</nav></header>
{% endset %}
{% set footer %}{% include "partials/footer.html" %}{% endset %}
{#- the drawer as main.html's (partials/nav.html) for a navigation without sections, its list filled in below -#}
{% set drawer %}
<div class="md-sidebar md-sidebar--primary" data-md-component="sidebar" data-md-type="navigation" hidden>
<div class="md-sidebar__scrollwrap">
<div class="md-sidebar__inner">
<nav class="md-nav md-nav--primary{% if 'navigation.tabs' in features %} md-nav--lifted{% endif %}{% if 'toc.integrate' in features %} md-nav--integrated{% endif %}" aria-label="{{ lang.t('nav') }}" data-md-level="0">
<label class="md-nav__title" for="__drawer">
<a title="{{ config.site_name | e }}" class="md-nav__button md-logo" aria-label="{{ config.site_name }}" data-md-component="logo">{{ logo(config, ROOT) }}</a>
{{ config.site_name }}
</label>
{% if config.repo_url %}<div class="md-nav__source">{% include "partials/source.html" %}</div>{% endif %}
<ul class="md-nav__list" data-md-scrollfix></ul>
</nav>
</div>
</div>
</div>
{% endset %}
{% set top %}
{% if "navigation.top" in features %}
<button type="button" class="md-top md-icon" data-md-component="top" hidden>
{% include ".icons/" ~ (config.theme.icon.top or "material/arrow-up") ~ ".svg" %}
{{ lang.t("top") }}
</button>
{% endif %}
{% endset %}
{% set translations = {} %}
{% for key in ("clipboard.copy", "clipboard.copied", "search.result.placeholder", "search.result.none", "search.result.one", "search.result.other", "search.result.more.one", "search.result.more.other", "search.result.term.missing", "select.version") %}{% set _ = translations.update({key: lang.t(key)}) %}{% endfor %}
{#- base.html's #__config (its block config) -#}
{% set mike = config.plugins.mike %}
{% set version = config.extra.version if config.extra.version and (not mike or mike.config.version_selector) else none %}
{% set settings = {"base": "..", "features": features, "translations": translations, "search": "../" ~ files.worker, "annotate": config.extra.annotate or none, "tags": config.extra.tags or none, "version": version} %}
{{ unscripted("base") }};
(function () {
  var named = {container: ".md-container", tabs: ".md-tabs", main: ".md-main", content: ".md-content"};
  var me = document.currentScript, src = me.src, c = {{ settings | tojson }}, e = document.createElement("script");
  var root = new URL("..", src).href, here = location.href.split("#")[0].split("?")[0], site = " - " + {{ config.site_name | tojson }};
  var up = here.indexOf(root) ? root : "../".repeat(here.slice(root.length).split("/").length - 1), title = document.title;
  function rooted(html) { return html.split({{ ROOT | tojson }}).join(up); }
  __md_scope = new URL({{ (config.extra.scope or "..") | tojson }}, {{ "location" if config.extra.scope else "src" }});
  me.insertAdjacentHTML("beforebegin", rooted({{ toggles | trim | tojson }} + {{ header | trim | tojson }}));
  var header = me.previousElementSibling;
  me.remove();
  if (title.slice(-site.length) === site) title = title.slice(0, -site.length);
  header.querySelector("[data-md-component=header-topic] .md-ellipsis").textContent = title;
  {{ unscripted("palette") }};
  c.base = new URL(c.base, src).href;
  c.search = new URL(c.search, src).href;
  e.id = "__config"; e.type = "application/json"; e.textContent = JSON.stringify(c);
  document.body.appendChild(e);
  document.body.insertAdjacentHTML("beforeend", {{ dialog | tojson }});
  document.addEventListener("DOMContentLoaded", function () {
    for (var name in named) { var el = document.querySelector(named[name]); if (el) el.setAttribute("data-md-component", name); }
    var inner = document.querySelector(".md-main__inner"), tabs = document.querySelector(".md-container > .md-tabs");
    if (tabs && header.classList.contains("md-header--lifted")) header.appendChild(tabs);
    if (!document.querySelector(".md-sidebar--primary")) {
      inner.insertAdjacentHTML("afterbegin", rooted({{ drawer | trim | tojson }}));
      inner.querySelector(".md-nav__title .md-logo").setAttribute("href", header.querySelector(".md-logo").getAttribute("href"));
      var list = inner.querySelector(".md-nav--primary > .md-nav__list");
      document.querySelectorAll(".md-tabs__link").forEach(function (tab) {
        var li = document.createElement("li"), a = document.createElement("a"), span = document.createElement("span");
        li.className = "md-nav__item"; a.className = "md-nav__link"; span.className = "md-ellipsis";
        a.setAttribute("href", tab.getAttribute("href")); span.textContent = tab.textContent.trim();
        a.appendChild(span); li.appendChild(a); list.appendChild(li);
      });
    }
    inner.insertAdjacentHTML("afterend", {{ top | trim | tojson }});
    inner.parentNode.insertAdjacentHTML("afterend", {{ footer | trim | tojson }});
    {{ unscripted("content") }};
  }, { once: true });
})();
