# Idiom seen in: Dawidsoni/relation-embeddings src/train_model.py
# Idiom seen in: Dawidsoni/relation-embeddings src/optimization/model_trainers.py
# What it reproduces: training entry point that wires the TransE model, the norm loss object and the sampling
#   trainer together and loops over a sampling dataset from a module the program does not hold. Clean.
import argparse

import tensorflow as tf

from datasets.sampling_datasets import SamplingEdgeDataset
from loss_objects import NormLossObject
from model_trainers import SamplingModelTrainer
from transe_model import TranseModel


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--dataset_path', type=str, default='../data/FB15k-237')
    parser.add_argument('--embeddings_dimension', type=int, default=100)
    parser.add_argument('--regularization_strength', type=float, default=1e-4)
    parser.add_argument('--learning_rate', type=float, default=1e-3)
    parser.add_argument('--epochs', type=int, default=50)
    args = parser.parse_args()

    dataset = SamplingEdgeDataset(args.dataset_path, batch_size=512, negatives_per_positive=1)
    model = TranseModel(dataset.entities_count, dataset.relations_count,
                        args.embeddings_dimension, args.regularization_strength)
    loss_object = NormLossObject(order=2, margin=1.0)
    schedule = tf.keras.optimizers.schedules.ExponentialDecay(args.learning_rate, 10000, 0.5)
    trainer = SamplingModelTrainer(model, loss_object, schedule)

    training_step = 0
    for epoch in range(args.epochs):
        for training_samples in dataset.samples:
            loss_value = trainer.train_step(training_samples, training_step)
            training_step += 1
            if training_step % 1000 == 0:
                print('step %d loss %.4f' % (training_step, float(loss_value)))


if __name__ == '__main__':
    main()
