CREATE TABLE `series_levels` (
	`series_pk` integer NOT NULL,
	`level` integer NOT NULL,
	`first_step` integer NOT NULL,
	`last_step` integer NOT NULL,
	`prev_last` integer NOT NULL,
	`count` integer NOT NULL,
	`summary` blob NOT NULL,
	PRIMARY KEY(`series_pk`, `level`, `first_step`),
	FOREIGN KEY (`series_pk`) REFERENCES `series`(`pk`) ON UPDATE no action ON DELETE cascade
);
