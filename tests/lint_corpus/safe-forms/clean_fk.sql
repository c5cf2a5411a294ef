-- backend: postgres
-- run_in_transaction: true
-- expect: none
SET lock_timeout = '3s';
ALTER TABLE "posts" ADD CONSTRAINT "posts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE NOT VALID;
ALTER TABLE "posts" VALIDATE CONSTRAINT "posts_user_id_fkey";
