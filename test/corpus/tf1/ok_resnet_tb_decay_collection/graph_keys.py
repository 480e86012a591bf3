# Idiom seen in: giladcohen/tensorflow_TB lib/base/collections.py
# What it reproduces: the module constant naming the collection that holds every term of the objective.
LOSSES = 'losses'
