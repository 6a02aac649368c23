CREATE TABLE `mlflow_logged_model_metrics` (
	`model_pk` integer NOT NULL,
	`key` text NOT NULL,
	`value` real,
	`timestamp` integer NOT NULL,
	`step` integer NOT NULL,
	`run_id` text NOT NULL,
	`dataset_name` text,
	`dataset_digest` text,
	FOREIGN KEY (`model_pk`) REFERENCES `mlflow_logged_models`(`pk`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mlflow_logged_model_metrics_point` ON `mlflow_logged_model_metrics` (`model_pk`,`key`,`timestamp`,`step`,`run_id`);--> statement-breakpoint
CREATE TABLE `mlflow_logged_models` (
	`pk` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`repo_pk` integer NOT NULL,
	`run_pk` integer NOT NULL,
	`name` text NOT NULL,
	`model_type` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL,
	`tags` text DEFAULT '{}' NOT NULL,
	`params` text DEFAULT '{}' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`repo_pk`) REFERENCES `repos`(`pk`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`run_pk`) REFERENCES `runs`(`pk`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mlflow_logged_models_id` ON `mlflow_logged_models` (`id`);--> statement-breakpoint
CREATE INDEX `mlflow_logged_models_repo` ON `mlflow_logged_models` (`repo_pk`);--> statement-breakpoint
CREATE INDEX `mlflow_logged_models_run` ON `mlflow_logged_models` (`run_pk`);--> statement-breakpoint
CREATE TABLE `mlflow_model_versions` (
	`pk` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`registered_model_pk` integer NOT NULL,
	`version` integer NOT NULL,
	`source` text NOT NULL,
	`run_id` text DEFAULT '' NOT NULL,
	`model_id` text DEFAULT '' NOT NULL,
	`stage` text DEFAULT 'None' NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`tags` text DEFAULT '{}' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`registered_model_pk`) REFERENCES `mlflow_registered_models`(`pk`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mlflow_model_versions_version` ON `mlflow_model_versions` (`registered_model_pk`,`version`);--> statement-breakpoint
CREATE TABLE `mlflow_registered_models` (
	`pk` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`tags` text DEFAULT '{}' NOT NULL,
	`aliases` text DEFAULT '{}' NOT NULL,
	`last_version` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mlflow_registered_models_name_unique` ON `mlflow_registered_models` (`name`);