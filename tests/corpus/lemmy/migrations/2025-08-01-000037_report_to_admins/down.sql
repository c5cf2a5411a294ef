ALTER TABLE post_report
    DROP COLUMN violates_instance_rules;

ALTER TABLE comment_report
    DROP COLUMN violates_instance_rules;

