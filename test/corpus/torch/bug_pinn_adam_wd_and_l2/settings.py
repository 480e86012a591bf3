# Idiom seen in: poetrilin/pinn-related convection/settings.py
# What it reproduces: constants module of the 1-D convection PINN; the decay findings are in
#   train.py.
BETA = 30.0
SEED = 0
LR = 5e-4
EPOCHS = 10_000
WEIGHT_DECAY = 1e-4
L2_LAMBDA = 1e-5
