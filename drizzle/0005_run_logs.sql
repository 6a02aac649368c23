CREATE TABLE `run_logs` (
	`run_pk` integer NOT NULL,
	`seq` integer NOT NULL,
	`stream` text NOT NULL,
	`time` real NOT NULL,
	`text` text NOT NULL,
	PRIMARY KEY(`run_pk`, `seq`),
	FOREIGN KEY (`run_pk`) REFERENCES `runs`(`pk`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `runs` ADD `failure` text;--> statement-breakpoint
ALTER TABLE `runs` ADD `log_bytes` integer DEFAULT 0 NOT NULL;