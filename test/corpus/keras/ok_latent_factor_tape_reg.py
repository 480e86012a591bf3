# Idiom seen in: evangelato/FashionRecommenderResearch LatentFactor.py
# What it reproduces: course-style (UCSD CSE 158) latent factor recommender as a subclassed
# tf.keras.Model: biases and factors are raw tf.Variables, reg() returns lamb * sum of squares, and the
# training step adds model.reg() to the loss inside the GradientTape. Clean.
import gzip
import random
from collections import defaultdict

import numpy as np
import tensorflow as tf


def readJSON(path):
    for line in gzip.open(path, 'rt'):
        yield eval(line)


interactions = [(d['user_id'], d['item_id'], float(d['rating'])) for d in readJSON("renttherunway.json.gz")
                if d.get('rating')]
random.shuffle(interactions)
userIDs, itemIDs = {}, {}
for u, i, _ in interactions:
    userIDs.setdefault(u, len(userIDs))
    itemIDs.setdefault(i, len(itemIDs))
nTrain = int(len(interactions) * 0.9)
interactionsTrain, interactionsTest = interactions[:nTrain], interactions[nTrain:]
mu = sum(r for _, _, r in interactionsTrain) / len(interactionsTrain)


class LatentFactorModel(tf.keras.Model):
    def __init__(self, mu, K, lamb):
        super(LatentFactorModel, self).__init__()
        self.alpha = tf.Variable(mu)
        self.betaU = tf.Variable(tf.random.normal([len(userIDs)], stddev=0.001))
        self.betaI = tf.Variable(tf.random.normal([len(itemIDs)], stddev=0.001))
        self.gammaU = tf.Variable(tf.random.normal([len(userIDs), K], stddev=0.001))
        self.gammaI = tf.Variable(tf.random.normal([len(itemIDs), K], stddev=0.001))
        self.lamb = lamb

    def predict(self, u, i):
        return self.alpha + self.betaU[u] + self.betaI[i] + tf.tensordot(self.gammaU[u], self.gammaI[i], 1)

    # Regularizer
    def reg(self):
        return self.lamb * (tf.reduce_sum(self.betaU ** 2) +
                            tf.reduce_sum(self.betaI ** 2) +
                            tf.reduce_sum(self.gammaU ** 2) +
                            tf.reduce_sum(self.gammaI ** 2))

    def predictSample(self, sampleU, sampleI):
        u = tf.convert_to_tensor(sampleU, dtype=tf.int32)
        i = tf.convert_to_tensor(sampleI, dtype=tf.int32)
        pred = self.alpha + tf.nn.embedding_lookup(self.betaU, u) + tf.nn.embedding_lookup(self.betaI, i) + \
            tf.reduce_sum(tf.nn.embedding_lookup(self.gammaU, u) * tf.nn.embedding_lookup(self.gammaI, i), 1)
        return pred

    def call(self, sampleU, sampleI, sampleR):
        pred = self.predictSample(sampleU, sampleI)
        r = tf.convert_to_tensor(sampleR, dtype=tf.float32)
        return tf.nn.l2_loss(pred - r) / len(sampleR)


optimizer = tf.keras.optimizers.Adam(0.1)
modelLFM = LatentFactorModel(mu, 5, 0.00001)


def trainingStep(model, interactions):
    Nsamples = 50000
    with tf.GradientTape() as tape:
        sampleU, sampleI, sampleR = [], [], []
        for _ in range(Nsamples):
            u, i, r = random.choice(interactions)
            sampleU.append(userIDs[u])
            sampleI.append(itemIDs[i])
            sampleR.append(r)
        loss = model(sampleU, sampleI, sampleR)
        loss += model.reg()
    gradients = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients((grad, var) for (grad, var) in zip(gradients, model.trainable_variables)
                              if grad is not None)
    return loss.numpy()


for i in range(100):
    obj = trainingStep(modelLFM, interactionsTrain)
    if i % 10 == 9:
        print("iteration " + str(i + 1) + ", objective = " + str(obj))

testMSE = np.mean([(modelLFM.predict(userIDs[u], itemIDs[i]).numpy() - r) ** 2
                   for u, i, r in interactionsTest])
print("test MSE", testMSE)
