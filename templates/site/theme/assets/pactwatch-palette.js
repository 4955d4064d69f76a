{#- Rendered once per build (theme.static_templates): mkdocs-material's own palette script, which main.html
    inlines in every page, for detail.html to load (cached) instead. -#}
{% filter replace("<script>", "") | replace("</script>", "") %}{% include "partials/javascripts/palette.html" %}{% endfilter %}
