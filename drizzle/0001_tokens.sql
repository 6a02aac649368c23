CREATE TABLE `tokens` (
	`pk` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`hash` text NOT NULL,
	`scope` text NOT NULL,
	`repo` text,
	`created_at` integer NOT NULL,
	`expires_at` integer,
	`last_used_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tokens_id` ON `tokens` (`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `tokens_hash` ON `tokens` (`hash`);