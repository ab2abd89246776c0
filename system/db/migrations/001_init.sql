-- Users, videos, a credit ledger and idempotency keys.
CREATE TABLE users (
  id          serial PRIMARY KEY,
  google_sub  text UNIQUE,
  email       text NOT NULL UNIQUE,
  name        text NOT NULL,
  avatar_url  text,
  -- The balance is kept beside the ledger so that a charge is one conditional UPDATE (row lock, no lost
  -- update, never negative); the ledger is the audit trail and must always sum to it.
  credits     numeric(10, 1) NOT NULL DEFAULT 0 CHECK (credits >= 0),
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE videos (
  id                  serial PRIMARY KEY,
  user_id             integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  prompt              text NOT NULL,
  model               text NOT NULL,
  reference_image_url text,
  video_url           text,
  poster_url          text,
  status              text NOT NULL DEFAULT 'pending'
                      CHECK (status IN ('pending', 'processing', 'completed', 'failed')),
  progress            integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  duration            integer,
  resolution          text,
  error_message       text,
  sora_job_id         text,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX videos_user_newest ON videos (user_id, created_at DESC, id DESC);

CREATE TABLE credit_ledger (
  id          bigserial PRIMARY KEY,
  user_id     integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  video_id    integer REFERENCES videos (id) ON DELETE CASCADE,
  delta       numeric(10, 1) NOT NULL,
  reason      text NOT NULL CHECK (reason IN ('signup', 'generate', 'refund')),
  created_at  timestamptz NOT NULL DEFAULT now()
);
-- One charge and at most one refund per video, whatever retries or races happen.
CREATE UNIQUE INDEX credit_ledger_once_per_video ON credit_ledger (video_id, reason) WHERE video_id IS NOT NULL;
CREATE INDEX credit_ledger_user ON credit_ledger (user_id);

CREATE TABLE idempotency_keys (
  user_id     integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  key         text NOT NULL,
  video_id    integer NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, key)
);

-- Server-Sent Events: the API listens on this channel instead of polling the table.
CREATE FUNCTION notify_video_changed() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('video_changed', NEW.id::text);
  RETURN NEW;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER videos_notify AFTER INSERT OR UPDATE ON videos
  FOR EACH ROW EXECUTE FUNCTION notify_video_changed();
