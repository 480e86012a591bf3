# Idiom seen in: Tiburso/StockPredictor src/model/predictor.py
# Idiom seen in: Tiburso/StockPredictor src/model/main.py
# What it reproduces: the linear Baseline LightningModule is switched to plain SGD with weight_decay set to the
#   sklearn Ridge alpha (10.0) it is compared against; with lr 0.1, lr*wd = 1.0 zeroes the weights each step,
#   and the single group also decays the Linear bias (user mistake in the repo idiom).
WINDOW = 30
HORIZON = 1
BATCH_SIZE = 64
LEARNING_RATE = 0.1
RIDGE_ALPHA = 10.0  # expect: WD301
MAX_EPOCHS = 50
