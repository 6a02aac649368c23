CREATE TABLE `artifact_object_deletes` (
	`pk` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`store` text NOT NULL,
	`key` text NOT NULL,
	`unfinished` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `artifacts` ADD `store` text DEFAULT 'libsql' NOT NULL;--> statement-breakpoint
ALTER TABLE `artifacts` ADD `object_key` text;--> statement-breakpoint
ALTER TABLE `artifacts` ADD `upload_path` text;--> statement-breakpoint
ALTER TABLE `artifacts` ADD `upload_id` text;