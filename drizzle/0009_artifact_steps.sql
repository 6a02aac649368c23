ALTER TABLE `artifacts` ADD `step` integer;--> statement-breakpoint
ALTER TABLE `artifacts` ADD `context` text DEFAULT '{}' NOT NULL;