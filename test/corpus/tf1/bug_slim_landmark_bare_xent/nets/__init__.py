# Idiom seen in: Belafespud/ML_Project CNNs/google-landmark/nets/nets_factory.py
# What it reproduces: package marker of the slim nets used by the landmark training script (see mini_vgg.py for the finding).
