DROP TABLE captcha_answer;

