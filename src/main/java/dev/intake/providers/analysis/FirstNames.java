package dev.intake.providers.analysis;

import java.util.Set;

/**
 * Common given names (English-speaking countries, and frequent Spanish, Indian, Arabic, East Asian,
 * African and European ones): a capitalised word that is one of them is likely a person when the
 * sentence treats it as one. Names that are also months or everyday words ("May", "Will", "Bill",
 * "Grace") are left out on purpose: a lone word like that is read as a person only by its context.
 */
final class FirstNames {

    private static final Set<String> NAMES = Set.of(("""
            Aaron Abby Abdul Abigail Adam Adrian Adriana Ahmed Aidan Aisha Alan Albert Alberto Alec Alejandro Alex Alexa
            Alexander Alexandra Alexis Alfred Ali Alice Alicia Alison Allison Alyssa Amanda Amara Amber Amelia Amir Amit
            Amy Ana Andre Andrea Andrew Andy Angela Angelica Angie Anil Anita Ann Anna Anne Annie Anthony Antonio Anya
            Arjun Arthur Arturo Ashley Aubrey Audrey Ava Barbara Beatriz Becky Ben Benjamin Bernard Beth Betty Beverly
            Bianca Blake Bob Bobby Brad Bradley Brandon Brenda Brent Brett Brian Brianna Bridget Brittany Brooke Bruce
            Bryan Caleb Calvin Cameron Camila Carl Carla Carlos Carmen Carol Caroline Carolyn Carrie Casey Catherine
            Cathy Cecilia Chad Charles Charlie Charlotte Chelsea Cheryl Chloe Chris Christian Christina Christine
            Christopher Cindy Claire Clara Claudia Clayton Cody Colin Connor Craig Crystal Curtis Cynthia Daisy Dale
            Dan Dana Daniel Daniela Danielle Danny Darius Darnell Darren Dave David Dawn Dean Debbie Deborah Debra
            Deepak Denise Dennis Derek Devon Diana Diane Diego Dimitri Dolores Dominic Don Donald Donna Doris Dorothy
            Doug Douglas Drew Dustin Dwayne Dylan Earl Eddie Edgar Eduardo Edward Elaine Eleanor Elena Eli Elias Elijah
            Elizabeth Ella Ellen Emily Emma Eric Erica Erik Erin Ernest Esther Ethan Eugene Eva Evan Evelyn Fatima
            Felipe Felix Fernando Fiona Francesca Francisco Frank Fred Gabriel Gabriela Gary Gavin Gene George Gerald
            Gina Giovanni Glen Glenn Gloria Gordon Graham Greg Gregory Gustavo Hailey Hannah Harold Harper Harry Hassan
            Hayden Heather Hector Heidi Helen Henry Hiroshi Holly Howard Hugo Ian Igor Irene Isaac Isabel Isabella
            Ivan Jack Jackie Jackson Jacob Jacqueline Jada Jake Jamal James Jamie Jan Jane Janet Janice Jared Jasmine
            Jason Javier Jay Jean Jeff Jeffrey Jen Jenna Jennifer Jenny Jeremy Jerome Jerry Jesse Jessica Jill
            Jim Jimmy Jin Joan Joanna Joe Joel Joey John Johnny Jon Jonathan Jordan Jorge Jose Joseph Josh Joshua Joy
            Joyce Juan Judith Judy Julia Julian Julie Justin Kai Kaitlyn Kamal Karen Kareem Karl Kate Katherine Kathleen
            Kathy Katie Katrina Kayla Keith Kelly Ken Kenji Kenneth Kevin Kim Kimberly Kirk Kristen Kristin Kumar Kurt
            Kyle Lakshmi Lance Lara Larry Laura Lauren Laurie Lee Leah Leila Leo Leon Leonard Leslie Liam Lily Linda
            Lindsay Lisa Logan Lois Lori Lorraine Louis Lucas Lucia Lucy Luis Luke Lydia Lynn Madison Maggie Malik
            Mandy Manuel Marco Marcus Margaret Maria Mariana Marie Marilyn Mario Marisa Marissa Marjorie Marlene Marsha
            Martha Martin Marvin Mary Mason Matt Matthew Maureen Max Maya Megan Meghan Mehmet Melanie Melissa Mia
            Michael Michelle Miguel Mike Miles Miranda Mitchell Mohamed Mohammed Molly Monica Morgan Muhammad Nadia
            Nancy Naomi Natalie Natasha Nate Nathan Neil Nicholas Nick Nicole Nikhil Nina Noah Noel Nora Norman
            Oksana Olga Oliver Olivia Omar Oscar Owen Pablo Pam Pamela Paola Patricia Patrick Paul Paula Pedro Peggy
            Penny Pete Peter Phil Philip Phillip Phyllis Pierre Pradeep Priya Rachel Rafael Rahul Raj Rajesh Ralph
            Ramon Randy Raquel Raul Ravi Ray Raymond Rebecca Regina Renee Ricardo Richard Rick Ricky Rita Rob Robert
            Roberto Robin Rodney Roger Roland Ron Ronald Rosa Rose Ross Roy Ruby Russell Ruth Ryan Sally Sam Samantha
            Samir Samuel Sandra Sandy Sanjay Sara Sarah Scott Sean Sebastian Sergio Seth Shane Shannon Sharon Shawn
            Sheila Shelby Shirley Simon Sofia Sonia Sophia Sophie Stacy Stan Stanley Stefan Stella Stephanie Stephen
            Steve Steven Sue Sunil Susan Suzanne Sydney Tamara Tammy Tanya Tara Ted Teresa Terry Theo Theresa Thomas
            Tiffany Tim Timothy Tina Todd Tom Tommy Toni Tony Tracy Travis Trevor Troy Tyler Valerie Vanessa Vera
            Veronica Vicky Victor Victoria Vijay Vikram Vince Vincent Virginia Vivian Walter Wanda Warren Wayne Wei
            Wendy Wesley Whitney William Xavier Yasmin Yolanda Yuki Yusuf Zach Zachary Zoe
            """).strip().split("\\s+"));

    private FirstNames() {
    }

    static boolean contains(String word) {
        return NAMES.contains(word);
    }
}
