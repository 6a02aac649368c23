CREATE TABLE `run_inputs` (
	`pk` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_pk` integer NOT NULL,
	`name` text NOT NULL,
	`digest` text NOT NULL,
	`source_type` text DEFAULT '' NOT NULL,
	`source` text DEFAULT '' NOT NULL,
	`schema` text,
	`profile` text,
	`context` text,
	`tags` text DEFAULT '{}' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`run_pk`) REFERENCES `runs`(`pk`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `run_inputs_run_name_digest` ON `run_inputs` (`run_pk`,`name`,`digest`);--> statement-breakpoint
CREATE TABLE `run_model_inputs` (
	`run_pk` integer NOT NULL,
	`model_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`run_pk`, `model_id`),
	FOREIGN KEY (`run_pk`) REFERENCES `runs`(`pk`) ON UPDATE no action ON DELETE cascade
);
