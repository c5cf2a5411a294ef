-- Reverts {{ revision }}: {{ message }}
{%- for w in warnings %}
-- WARNING: {{ w }}
{%- endfor %}

{{ downgrades or "-- Write the SQL that undoes up.sql here, in reverse order." }}
