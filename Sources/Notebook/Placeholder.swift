// Notebook module: see the README beside this file.
