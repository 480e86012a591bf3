# Idiom seen in: iusztinpaul/hands-on-llms modules/training_pipeline/training_pipeline/__init__.py
# What it reproduces: the package marker of the training pipeline.
# label-note: clean.
