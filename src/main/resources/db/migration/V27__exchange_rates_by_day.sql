-- Forecast roll-ups hash the rates dated within their period and join each deal to its close day's rate
-- (ForecastQueries.periodRate); the unique key (workspace, currency, day) cannot select a date range across currencies.
CREATE INDEX exchange_rates_day_idx ON exchange_rates (workspace_id, effective_date);
