ALTER TABLE post
    DROP COLUMN embed_video_width,
    DROP COLUMN embed_video_height;

