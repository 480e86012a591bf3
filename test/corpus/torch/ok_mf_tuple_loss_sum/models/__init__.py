# Idiom seen in: cemoody/pytorch-rec models/ (one module per recommender)
# What it reproduces: the models package marker.
# label-note: clean program, no findings.
