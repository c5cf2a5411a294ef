DROP TABLE tagline;

