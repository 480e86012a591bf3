# Idiom seen in: amine-bambrik-p8/face-expression-recognition main.py
# What it reproduces: the experiment config (a JSON file in the repo, inlined here as an EasyDict) that selects the
#   RMSprop module and sets weight_decay=1e-4, then runs the agent.
from easydict import EasyDict

from agent import GenericAgent

config = EasyDict({
    "exp_name": "goodfellow_v3_rmsprop",
    "model": "GoodFellowV3",
    "optimizer": "rmsprop",
    "learning_rate": 1e-3,
    "weight_decay": 1e-4,
    "dropout": 0.5,
    "num_classes": 7,
    "batch_size": 64,
    "max_epoch": 60,
    "log_interval": 50,
    "cuda": True,
})


def main():
    agent = GenericAgent(config)
    agent.train()


if __name__ == "__main__":
    main()
