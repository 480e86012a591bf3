# Idiom seen in: cemoody/pytorch-rec utils/ (trainer, callbacks)
# What it reproduces: the utils package marker.
# label-note: no findings here.
