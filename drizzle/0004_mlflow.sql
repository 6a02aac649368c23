CREATE TABLE `mlflow_experiments` (
	`repo_pk` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`lifecycle_stage` text DEFAULT 'active' NOT NULL,
	`tags` text DEFAULT '{}' NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`repo_pk`) REFERENCES `repos`(`pk`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mlflow_experiments_name_unique` ON `mlflow_experiments` (`name`);--> statement-breakpoint
ALTER TABLE `runs` ADD `param_texts` text;--> statement-breakpoint
ALTER TABLE `runs` ADD `tag_values` text;--> statement-breakpoint
CREATE INDEX `runs_id` ON `runs` (`id`);