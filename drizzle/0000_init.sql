CREATE TABLE `campaigns` (
	`pk` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`repo_pk` integer NOT NULL,
	`id` text NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`params` text DEFAULT '{}' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`repo_pk`) REFERENCES `repos`(`pk`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `campaigns_repo_id` ON `campaigns` (`repo_pk`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `campaigns_repo_name` ON `campaigns` (`repo_pk`,`name`);--> statement-breakpoint
CREATE TABLE `repos` (
	`pk` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `repos_name_unique` ON `repos` (`name`);--> statement-breakpoint
CREATE TABLE `run_values` (
	`run_pk` integer NOT NULL,
	`name` text NOT NULL,
	`context` text DEFAULT '{}' NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`run_pk`, `name`, `context`),
	FOREIGN KEY (`run_pk`) REFERENCES `runs`(`pk`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `runs` (
	`pk` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`repo_pk` integer NOT NULL,
	`id` text NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`experiment` text DEFAULT '' NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'running' NOT NULL,
	`archived` integer DEFAULT false NOT NULL,
	`campaign_pk` integer,
	`params` text DEFAULT '{}' NOT NULL,
	`tags` text DEFAULT '[]' NOT NULL,
	`provenance` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`ended_at` integer,
	FOREIGN KEY (`repo_pk`) REFERENCES `repos`(`pk`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`campaign_pk`) REFERENCES `campaigns`(`pk`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `runs_repo_id` ON `runs` (`repo_pk`,`id`);--> statement-breakpoint
CREATE INDEX `runs_repo_created` ON `runs` (`repo_pk`,`created_at`,`pk`);--> statement-breakpoint
CREATE INDEX `runs_campaign` ON `runs` (`campaign_pk`);--> statement-breakpoint
CREATE TABLE `series` (
	`pk` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_pk` integer NOT NULL,
	`name` text NOT NULL,
	`context` text DEFAULT '{}' NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	`first_step` integer,
	`last_step` integer,
	`last_value` real,
	`flags` integer DEFAULT 0 NOT NULL,
	`min` real,
	`max` real,
	`last_time` real,
	`version` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`run_pk`) REFERENCES `runs`(`pk`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `series_run_name_context` ON `series` (`run_pk`,`name`,`context`);--> statement-breakpoint
CREATE INDEX `series_name` ON `series` (`name`,`context`);--> statement-breakpoint
CREATE TABLE `series_blocks` (
	`series_pk` integer NOT NULL,
	`first_step` integer NOT NULL,
	`last_step` integer NOT NULL,
	`count` integer NOT NULL,
	`min` real,
	`max` real,
	`flags` integer DEFAULT 0 NOT NULL,
	`summary` blob NOT NULL,
	`data` blob NOT NULL,
	PRIMARY KEY(`series_pk`, `first_step`),
	FOREIGN KEY (`series_pk`) REFERENCES `series`(`pk`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `series_blocks_last` ON `series_blocks` (`series_pk`,`last_step`);