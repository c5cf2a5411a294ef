-- {{ message }}
-- revision {{ revision }}, revises {{ revises or "base" }}, created {{ created }}
{%- for w in warnings %}
-- WARNING: {{ w }}
{%- endfor %}

{{ upgrades or "-- Write the SQL that applies this migration here." }}
