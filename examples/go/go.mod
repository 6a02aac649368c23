module runcamp.example/logger

go 1.21
