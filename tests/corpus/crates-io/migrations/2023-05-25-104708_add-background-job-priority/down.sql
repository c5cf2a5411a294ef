ALTER TABLE background_jobs DROP priority;
