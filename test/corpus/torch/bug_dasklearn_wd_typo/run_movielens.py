# Idiom seen in: sacs-epfl/decentralized-learning-simulator dasklearn/session_settings.py
# Idiom seen in: sacs-epfl/decentralized-learning-simulator dasklearn/model_trainer.py
# What it reproduces: a run script for D-PSGD on MovieLens with plain SGD (momentum 0). The decay was meant to be
#   5e-4 but the exponent's minus sign is missing: lr * wd = 0.2 * 5e4 = 1e4, so each step multiplies the
#   embeddings by 1 - 1e4 and training diverges (realistic typo in the repo's settings idiom).
from session_settings import LearningSettings, SessionSettings
from model_trainer import ModelTrainer, MatrixFactorization

learning_settings = LearningSettings(
    learning_rate=0.2,
    momentum=0.0,
    weight_decay=5e4,  # expect: WD301
    batch_size=20,
    local_steps=5,
)

settings = SessionSettings(
    algorithm="dpsgd",
    seed=42,
    work_dir="/tmp/dpsgd_movielens",
    dataset="movielens",
    learning=learning_settings,
    participants=100,
    model="matrix_factorization",
    rounds=200,
)

if __name__ == "__main__":
    model = MatrixFactorization()
    trainers = [ModelTrainer("data/movielens", settings, i) for i in range(settings.participants)]
    for rnd in range(settings.rounds):
        for trainer in trainers:
            trainer.train(model)
