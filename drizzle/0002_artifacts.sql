CREATE TABLE `artifact_parts` (
	`artifact_pk` integer NOT NULL,
	`seq` integer NOT NULL,
	`data` blob NOT NULL,
	PRIMARY KEY(`artifact_pk`, `seq`),
	FOREIGN KEY (`artifact_pk`) REFERENCES `artifacts`(`pk`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `artifacts` (
	`pk` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_pk` integer NOT NULL,
	`path` text,
	`content_type` text NOT NULL,
	`size` integer DEFAULT 0 NOT NULL,
	`sha256` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`run_pk`) REFERENCES `runs`(`pk`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `artifacts_run_path` ON `artifacts` (`run_pk`,`path`);