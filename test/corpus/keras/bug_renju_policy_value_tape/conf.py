# Idiom seen in: kongjiellx/AlphaZero-Renju cpp/py/py_model.py
# Idiom seen in: kongjiellx/AlphaZero-Renju py/src/conf.py
# What it reproduces: the configuration module the AlphaZero-Renju model reads (board size, L2 constant,
#   residual blocks, model path).
import collections

GameConf = collections.namedtuple("GameConf", ["board_size"])
ModelConf = collections.namedtuple("ModelConf", ["l2_c", "residual_blocks", "lr", "model_path"])

game_conf = GameConf(board_size=10)
model_conf = ModelConf(l2_c=1e-4, residual_blocks=5, lr=2e-3, model_path="./saved_model")
