// Report module: see the README beside this file.
