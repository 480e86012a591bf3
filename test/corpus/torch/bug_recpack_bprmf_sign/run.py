# Idiom seen in: LienM/recpack examples/MLExperiment.py
# What it reproduces: the experiment script constructs BPRMF with non-zero lambdas and fits it.
from bprmf import BPRMF
from recpack.datasets import MovieLens25M
from recpack.scenarios import WeakGeneralization

dataset = MovieLens25M("data/ml25m.csv")
interaction_matrix = dataset.load()
scenario = WeakGeneralization(frac_data_in=0.8, validation=False)
scenario.split(interaction_matrix)

algorithm = BPRMF(num_components=64, lambda_h=0.01, lambda_w=0.01, batch_size=1024,
                  max_epochs=30, learning_rate=0.05, seed=42)
algorithm.fit(scenario.full_training_data.binary_values)
