-- backend: postgres
-- run_in_transaction: true
-- expect: create-index-blocking
SET lock_timeout = '5s';
CREATE UNIQUE INDEX IF NOT EXISTS ix_users_email ON public.users USING btree (email);
