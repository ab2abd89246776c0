-- Only a change of a video is announced, not its insert: nothing can listen for a new video yet (its
-- stream token needs its id, which the client learns from the 201 after the commit). A NOTIFY takes a
-- database-wide lock at commit, so announcing every insert would serialise the generates on it.
DROP TRIGGER videos_notify ON videos;
CREATE TRIGGER videos_notify AFTER UPDATE ON videos
  FOR EACH ROW EXECUTE FUNCTION notify_video_changed();
