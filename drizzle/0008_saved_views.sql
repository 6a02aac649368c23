CREATE TABLE `saved_views` (
	`pk` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`repo_pk` integer NOT NULL,
	`name` text NOT NULL,
	`state` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`repo_pk`) REFERENCES `repos`(`pk`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `saved_views_repo_name` ON `saved_views` (`repo_pk`,`name`);